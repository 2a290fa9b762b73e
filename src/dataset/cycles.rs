//! Cycles in the links between records of one collection (an event that is a
//! follow-up of an event that is a follow-up of the first), found in linear
//! time: Tarjan's strongly connected components, walked with an explicit
//! stack so that no chain of links, however long, can overflow the call
//! stack.

/// No position yet.
const NONE: u32 = u32::MAX;

/// Sets `slot[i]` to `value` (a position out of range is left alone: the
/// callers only pass positions below the graph's size).
fn set<T>(slot: &mut [T], i: u32, value: T) {
    if let Some(s) = slot.get_mut(i as usize) {
        *s = value;
    }
}

/// The successors of node `v`.
fn links(succ: &[Vec<u32>], v: u32) -> &[u32] {
    succ.get(v as usize).map_or(&[][..], Vec::as_slice)
}

/// The strongly connected components of the graph whose node `v` links to
/// the nodes `succ[v]`, keeping only those that hold a cycle: two nodes or
/// more, or one node linked to itself. Each component lists its nodes in
/// ascending order; components come in the order of their smallest node.
/// Links to nodes outside the graph are ignored. O(n + e).
pub(crate) fn cyclic_components(succ: &[Vec<u32>]) -> Vec<Vec<u32>> {
    let n = succ.len().min(NONE as usize);
    let mut t = Walk {
        index: vec![NONE; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: Vec::new(),
        walk: Vec::new(),
        next: 0,
    };
    let mut out = Vec::new();
    for root in 0..n {
        let Ok(root) = u32::try_from(root) else {
            break;
        };
        if t.index.get(root as usize) != Some(&NONE) {
            continue;
        }
        t.enter(root);
        while let Some(top) = t.walk.last_mut() {
            let (v, k) = *top;
            if let Some(&w) = links(succ, v).get(k) {
                top.1 += 1;
                match t.index.get(w as usize).copied() {
                    Some(NONE) => t.enter(w),
                    Some(iw) if t.on_stack.get(w as usize) == Some(&true) => t.lower(v, iw),
                    _ => {}
                }
                continue;
            }
            // Every link of `v` followed: hand its low link to its parent,
            // and close its component if it is the component's root.
            t.walk.pop();
            let lv = t.low.get(v as usize).copied().unwrap_or(0);
            if let Some(&(parent, _)) = t.walk.last() {
                t.lower(parent, lv);
            }
            if t.index.get(v as usize) == Some(&lv) {
                let mut component = Vec::new();
                while let Some(x) = t.stack.pop() {
                    set(&mut t.on_stack, x, false);
                    component.push(x);
                    if x == v {
                        break;
                    }
                }
                let cyclic = component.len() > 1 || links(succ, v).contains(&v);
                if cyclic {
                    component.sort_unstable();
                    out.push(component);
                }
            }
        }
    }
    out.sort_unstable_by_key(|c| c.first().copied());
    out
}

/// The state of Tarjan's walk.
struct Walk {
    /// Each node's visiting order (`NONE`: not visited yet).
    index: Vec<u32>,
    /// The lowest visiting order reachable from each node's subtree.
    low: Vec<u32>,
    on_stack: Vec<bool>,
    stack: Vec<u32>,
    /// The depth-first path: each node with the position of its next link.
    walk: Vec<(u32, usize)>,
    next: u32,
}

impl Walk {
    fn enter(&mut self, v: u32) {
        set(&mut self.index, v, self.next);
        set(&mut self.low, v, self.next);
        set(&mut self.on_stack, v, true);
        self.next = self.next.saturating_add(1);
        self.stack.push(v);
        self.walk.push((v, 0));
    }

    fn lower(&mut self, v: u32, to: u32) {
        if let Some(l) = self.low.get_mut(v as usize) {
            *l = (*l).min(to);
        }
    }
}

/// A shortest cycle through `start` that stays within `component` (its nodes
/// in ascending order, as [`cyclic_components`] gives them): the nodes in
/// the order of the links, from `start`, the link back to `start` implied.
/// A breadth-first search over the component only, following links in their
/// order: O(c log c + l) for c nodes and l links of the component.
pub(crate) fn cycle_through(succ: &[Vec<u32>], component: &[u32], start: u32) -> Vec<u32> {
    let inside = |v: u32| component.binary_search(&v).is_ok();
    // The node each node was reached from, by its place in the component.
    let mut from: Vec<u32> = vec![NONE; component.len()];
    let place = |v: u32| u32::try_from(component.binary_search(&v).ok()?).ok();
    let mut queue = std::collections::VecDeque::from([start]);
    let mut last = None;
    'search: while let Some(v) = queue.pop_front() {
        for &w in links(succ, v) {
            if !inside(w) {
                continue;
            }
            if w == start {
                last = Some(v);
                break 'search;
            }
            if let Some(p) = place(w)
                && from.get(p as usize) == Some(&NONE)
            {
                set(&mut from, p, v);
                queue.push_back(w);
            }
        }
    }
    let Some(mut v) = last else {
        return Vec::new();
    };
    let mut cycle = vec![v];
    while v != start {
        let Some(&u) = place(v).and_then(|p| from.get(p as usize)) else {
            break;
        };
        if u == NONE {
            break;
        }
        cycle.push(u);
        v = u;
    }
    cycle.reverse();
    cycle
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)]

    use super::{cycle_through, cyclic_components};

    fn graph(n: usize, edges: &[(u32, u32)]) -> Vec<Vec<u32>> {
        let mut g = vec![Vec::new(); n];
        for &(a, b) in edges {
            g[a as usize].push(b);
        }
        g
    }

    #[test]
    fn a_self_loop_is_a_cycle_of_one() {
        let g = graph(2, &[(1, 1), (0, 1)]);
        assert_eq!(cyclic_components(&g), [vec![1]]);
        assert_eq!(cycle_through(&g, &[1], 1), [1]);
    }

    #[test]
    fn a_dag_with_diamonds_has_no_cycle() {
        let g = graph(5, &[(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (0, 4)]);
        assert!(cyclic_components(&g).is_empty());
    }

    #[test]
    fn two_cycles_are_two_components_and_the_path_follows_the_links() {
        // 0 → 2 → 1 → 0, and 3 ⇄ 4, and 5 alone pointing into the first.
        let g = graph(6, &[(0, 2), (2, 1), (1, 0), (3, 4), (4, 3), (5, 0)]);
        let components = cyclic_components(&g);
        assert_eq!(components, [vec![0, 1, 2], vec![3, 4]]);
        assert_eq!(cycle_through(&g, &components[0], 0), [0, 2, 1]);
        assert_eq!(cycle_through(&g, &components[1], 3), [3, 4]);
    }

    #[test]
    fn the_shortest_cycle_through_the_start_is_named() {
        // 0 → 1 → 2 → 3 → 0 and the shortcut 1 → 0.
        let g = graph(4, &[(0, 1), (1, 2), (2, 3), (3, 0), (1, 0)]);
        let components = cyclic_components(&g);
        assert_eq!(components, [vec![0, 1, 2, 3]]);
        assert_eq!(cycle_through(&g, &components[0], 0), [0, 1]);
    }

    #[test]
    fn a_million_long_chain_and_cycle_do_not_overflow() {
        let n: u32 = 1_000_000;
        let mut g: Vec<Vec<u32>> = (0..n).map(|i| vec![i + 1]).collect();
        g[(n - 1) as usize].clear();
        assert!(cyclic_components(&g).is_empty());
        g[(n - 1) as usize].push(0);
        let components = cyclic_components(&g);
        assert_eq!(components.len(), 1);
        assert_eq!(components[0].len(), n as usize);
        let cycle = cycle_through(&g, &components[0], 0);
        assert_eq!(cycle.len(), n as usize);
        assert!(cycle.iter().enumerate().all(|(i, &v)| v as usize == i));
    }
}
