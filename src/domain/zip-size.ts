// How large a zip-based file (.docx, .xlsx, .ods) would be once unpacked, from its central directory alone.
import type JSZip from 'jszip';

/** The sum of every part's unpacked size as the zip's directory records it; nothing is inflated. */
export function unpackedBytes(zip: JSZip): number {
  let total = 0;
  zip.forEach((_path, entry) => {
    // JSZip keeps each part's size from the central directory on an internal field.
    total += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  });
  return total;
}
