"""The analyst's way, for comparison: four core 903 indicators at every month end, with pandas.

    python3 bench/903_pandas.py DIR FROM TO        e.g. ./903 2013-04-30 2018-03-31

DIR holds one folder per collection year (2018/episodes.csv, 2018/header.csv …), as
`parentis generate 903` writes them. Prints, for each month end, children looked after, the
3+ placements percentage, long-term stability and re-entry, with their numerators and
denominators, as CSV on standard output. The definitions follow docs/indicators.md and
../shared/docs/ssda903.md §2, written the way an analyst writes them: whole-column operations,
one pass of filters per month end.
"""

import os
import sys

import pandas as pd

TEMPORARY = {"T0", "T1", "T2", "T3", "T4"}
SHORT_BREAK = {"V3", "V4"}
ADOPTION_WITH_CARER = {"A3", "A5"}
ADOPTION_PLACE = {"A3", "A4", "A5", "A6"}
NEW_CARER_RNE = {"S", "P", "B"}


def read_years(root):
    episodes, headers = [], []
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if not (os.path.isdir(folder) and name.isdigit()):
            continue
        year = int(name)
        e = pd.read_csv(os.path.join(folder, "episodes.csv"), dtype=str, keep_default_na=False)
        e["YEAR"] = year
        episodes.append(e)
        h = pd.read_csv(os.path.join(folder, "header.csv"), dtype=str, keep_default_na=False)
        h["YEAR"] = year
        headers.append(h)
    return pd.concat(episodes, ignore_index=True), pd.concat(headers, ignore_index=True)


def stitch(ep):
    """Latest file wins per child and DECOM; an open or overlapping episode ends at the next DECOM."""
    ep["DECOM"] = pd.to_datetime(ep["DECOM"], format="%d/%m/%Y", errors="coerce")
    ep["DEC"] = pd.to_datetime(ep["DEC"].replace("", None), format="%d/%m/%Y", errors="coerce")
    ep = ep.dropna(subset=["DECOM"])
    ep = ep.sort_values(["CHILD", "DECOM", "YEAR"]).drop_duplicates(["CHILD", "DECOM"], keep="last")
    # Episodes of an older file on or after the first DECOM a later file restates are replaced by it.
    first_by_year = ep.groupby(["CHILD", "YEAR"])["DECOM"].min().rename("FIRST").reset_index()
    # Newest year first: the running minimum of the years so far is the first DECOM of this year and every later one;
    # the row before's is that of the later years alone.
    first_by_year = first_by_year.sort_values(["CHILD", "YEAR"], ascending=[True, False])
    first_by_year["LATER_OR_SAME"] = first_by_year.groupby("CHILD")["FIRST"].cummin()
    first_by_year["LATER_FIRST"] = first_by_year.groupby("CHILD")["LATER_OR_SAME"].shift(1)
    ep = ep.merge(first_by_year[["CHILD", "YEAR", "LATER_FIRST"]], on=["CHILD", "YEAR"], how="left")
    ep = ep[ep["LATER_FIRST"].isna() | (ep["DECOM"] < ep["LATER_FIRST"])].drop(columns="LATER_FIRST")
    ep = ep.sort_values(["CHILD", "DECOM"]).reset_index(drop=True)
    nxt = ep.groupby("CHILD")["DECOM"].shift(-1)
    nxt_rne = ep.groupby("CHILD")["RNE"].shift(-1)
    clip = nxt.notna() & (ep["DEC"].isna() | (ep["DEC"] > nxt))
    ep.loc[clip, "DEC"] = nxt[clip]
    ep.loc[clip & (nxt_rne != "S"), "REC"] = "X1"
    # Still open at the end of an older year that no later file continues: closed on 1 April after it.
    last_year = ep["YEAR"].max()
    stale = ep["DEC"].isna() & (ep["YEAR"] < last_year) & nxt.isna()
    ep.loc[stale, "DEC"] = pd.to_datetime(ep.loc[stale, "YEAR"].astype(str) + "-04-01")
    return ep


def periods_and_spells(ep):
    same_child = ep["CHILD"].eq(ep["CHILD"].shift())
    prev_dec = ep["DEC"].shift()
    prev_rec = ep["REC"].shift()
    continues = same_child & (ep["RNE"] != "S") & (prev_rec == "X1") & (prev_dec == ep["DECOM"])
    ep["PERIOD"] = (~continues).cumsum()
    temporary = ep["PLACE"].isin(TEMPORARY)
    # The last settled (non-temporary) carer before each episode, for a return from a temporary placement.
    settled_place = ep["PLACE"].where(~temporary).groupby(ep["PERIOD"]).ffill().groupby(ep["PERIOD"]).shift()
    settled_post = ep["PL_POST"].where(~temporary).groupby(ep["PERIOD"]).ffill().groupby(ep["PERIOD"]).shift()
    prev_place = ep["PLACE"].shift()
    back = continues & prev_place.isin(TEMPORARY) & (prev_place != ep["PLACE"]) & (settled_place == ep["PLACE"]) & (settled_post == ep["PL_POST"])
    new_carer = continues & ep["RNE"].isin(NEW_CARER_RNE) & ~temporary & ~back & ~ep["PLACE"].isin(ADOPTION_WITH_CARER)
    ep["SPELL"] = ((~continues) | new_carer).cumsum()
    ep["SHORT_BREAK"] = ep["LS"].isin(SHORT_BREAK)
    ep["PERIOD_START"] = ep.groupby("PERIOD")["DECOM"].transform("min")
    ep["PERIOD_S"] = ep.groupby("PERIOD")["RNE"].transform("first") == "S"
    ep["PERIOD_ALL_SHORT"] = ep.groupby("PERIOD")["SHORT_BREAK"].transform("all")
    ep["SPELL_START"] = ep.groupby("SPELL")["DECOM"].transform("min")
    # A spell still open (any episode without DEC) has no end.
    spell_open = ep["DEC"].isna().groupby(ep["SPELL"]).transform("any")
    ep["SPELL_END"] = ep.groupby("SPELL")["DEC"].transform("max").where(~spell_open)
    return ep


def month_independent(ep):
    """What every month end reads the same: each spell's previous spell, and the episodes that start a period."""
    spell_first = ep.groupby("SPELL")["DECOM"].transform("min") == ep["DECOM"]
    first_of_spell = ep[spell_first][["SPELL", "CHILD"]]
    prev_spell_start = ep[spell_first].groupby("CHILD")["SPELL_START"].shift()
    prev_spell_period = ep[spell_first].groupby("CHILD")["PERIOD"].shift()
    spell_prev = first_of_spell.assign(PREV_START=prev_spell_start, PREV_PERIOD=prev_spell_period)[["SPELL", "PREV_START", "PREV_PERIOD"]]
    period_starts = ep[(ep["PERIOD_START"] == ep["DECOM"]) & ~ep["PERIOD_ALL_SHORT"]][["CHILD", "DECOM"]]
    return spell_prev, period_starts


def month_ends(start, end):
    return list(pd.date_range(start, end, freq="M"))


def indicators(ep, dob, at, spell_prev, period_starts):
    # The 12 months ending on the month end: from the first day of the month 11 months before (docs/indicators.md,
    # "Dates and windows"): at 28 February 2017, 1 March 2016. A year back from the day and one on would give
    # 29 February 2016, a day too many.
    w0 = pd.Timestamp(at.year, at.month, 1) - pd.DateOffset(months=11)
    open_at = (ep["DECOM"] <= at) & (ep["DEC"].isna() | (ep["DEC"] > at))
    current = ep[open_at & ~ep["SHORT_BREAK"]]
    cla_ids = current["CHILD"].unique()
    cla = len(cla_ids)

    # 3+ placements: carer spells of 24 hours or more touching the 12 months, for children looked after now.
    in_year = ep[ep["CHILD"].isin(cla_ids) & (ep["DECOM"] <= at) & (ep["DEC"].isna() | (ep["DEC"] > w0))]
    spells = in_year[in_year["SPELL_END"].isna() | (in_year["SPELL_END"] > in_year["SPELL_START"])]
    three_plus = int((spells.groupby("CHILD")["SPELL"].nunique() >= 3).sum())

    # Long-term stability: under 16, in care 2.5 years, same carer 2 years (or adopted by a carer of 2 years).
    lts30 = at - pd.DateOffset(months=30)
    lts24 = at - pd.DateOffset(months=24)
    cur = current.merge(dob, on="CHILD", how="left")
    birthday_to_come = (cur["DOB"].dt.month > at.month) | ((cur["DOB"].dt.month == at.month) & (cur["DOB"].dt.day > at.day))
    age = at.year - cur["DOB"].dt.year - birthday_to_come.astype(int)
    den_rows = cur[(age < 16) & (cur["PERIOD_START"] <= lts30)]
    den_rows = den_rows.merge(spell_prev, on="SPELL", how="left")
    num = (den_rows["SPELL_START"] <= lts24) | (
        den_rows["PLACE"].isin(ADOPTION_PLACE) & (den_rows["PREV_PERIOD"] == den_rows["PERIOD"]) & (den_rows["PREV_START"] <= lts24)
    )
    lts_den, lts_num = len(den_rows), int(num.sum())

    # Re-entry: children starting a period (RNE S, not short breaks) in the 12 months with an earlier period of care.
    starts = ep[ep["PERIOD_S"] & (ep["PERIOD_START"] == ep["DECOM"]) & (ep["DECOM"] >= w0) & (ep["DECOM"] <= at) & ~ep["SHORT_BREAK"]]
    first_start = starts.groupby("CHILD")["DECOM"].min()
    earlier = period_starts.merge(first_start.rename("FIRST").reset_index(), on="CHILD")
    reentries = earlier[earlier["DECOM"] < earlier["FIRST"]]["CHILD"].nunique()
    return cla, three_plus, lts_num, lts_den, reentries, len(first_start)


def main():
    root, start, end = sys.argv[1], sys.argv[2], sys.argv[3]
    ep, header = read_years(root)
    header = header.sort_values("YEAR").drop_duplicates("CHILD", keep="last")
    dob = pd.DataFrame({"CHILD": header["CHILD"], "DOB": pd.to_datetime(header["DOB"], format="%d/%m/%Y", errors="coerce")})
    ep = periods_and_spells(stitch(ep))
    spell_prev, period_starts = month_independent(ep)
    print("as_at,cla,placements_3plus,lts_numerator,lts_denominator,reentries,starters")
    for at in month_ends(start, end):
        cla, three, lts_n, lts_d, re_n, re_d = indicators(ep, dob, at, spell_prev, period_starts)
        print(f"{at.date()},{cla},{three},{lts_n},{lts_d},{re_n},{re_d}")


if __name__ == "__main__":
    main()
