// A plan's parts as the select lists of the plan and action forms offer them.
import type { PlanTree, PlanTreeNode } from '../../services/plan.service.ts';

/** Every node of the plan, indented by depth, for the "part of the plan" select lists. */
export function nodeChoices(tree: PlanTree): { id: number; text: string }[] {
  const out: { id: number; text: string }[] = [];
  const walk = (n: PlanTreeNode, depth: number): void => {
    out.push({ id: n.id, text: `${'– '.repeat(depth)}${n.number === '' ? '' : `${n.number} `}${n.title}` });
    n.children.forEach((c) => walk(c, depth + 1));
  };
  tree.nodes.forEach((n) => walk(n, 0));
  return out;
}
