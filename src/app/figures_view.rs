//! State of the figures view: which figures are listed, in what order, and which is selected.

use crate::figures::UnitKind;
use crate::letter::tree::{LetterTree, NodeId};

/// Orders of the figures table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FigureSort {
    /// As they stand in the letter.
    #[default]
    Order,
    /// Largest value first, money before counts before percentages.
    Value,
    /// Grouped by unit, then in letter order.
    Unit,
}

/// The figures view.
#[derive(Debug, Clone, Default)]
pub struct FiguresView {
    /// Rows shown: (node, index into the node's figures), in display order.
    pub rows: Vec<(NodeId, usize)>,
    /// The selected row.
    pub selected: usize,
    /// Current order.
    pub sort: FigureSort,
    /// Only figures of this kind, when set.
    pub filter: Option<UnitKind>,
}

impl FiguresView {
    /// Every figure of `tree`, in letter order.
    #[must_use]
    pub fn new(tree: &LetterTree) -> Self {
        let mut view = Self::default();
        view.rebuild(tree);
        view
    }

    fn rebuild(&mut self, tree: &LetterTree) {
        let mut rows: Vec<(NodeId, usize)> = tree
            .nodes
            .iter()
            .enumerate()
            .flat_map(|(id, n)| (0..n.figures.len()).map(move |i| (id, i)))
            .filter(|&(id, i)| {
                self.filter
                    .is_none_or(|k| UnitKind::of(&tree.nodes[id].figures[i]) == k)
            })
            .collect();
        let kind_rank = |k: UnitKind| match k {
            UnitKind::Money => 0,
            UnitKind::Count => 1,
            UnitKind::Percent => 2,
        };
        match self.sort {
            FigureSort::Order => {}
            FigureSort::Value => rows.sort_by(|a, b| {
                let (fa, fb) = (&tree.nodes[a.0].figures[a.1], &tree.nodes[b.0].figures[b.1]);
                kind_rank(UnitKind::of(fa))
                    .cmp(&kind_rank(UnitKind::of(fb)))
                    .then(fb.value.total_cmp(&fa.value))
            }),
            FigureSort::Unit => rows.sort_by(|a, b| {
                let (fa, fb) = (&tree.nodes[a.0].figures[a.1], &tree.nodes[b.0].figures[b.1]);
                fa.unit.cmp(&fb.unit)
            }),
        }
        self.rows = rows;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn step(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Next sort order.
    pub fn cycle_sort(&mut self, tree: &LetterTree) {
        self.sort = match self.sort {
            FigureSort::Order => FigureSort::Value,
            FigureSort::Value => FigureSort::Unit,
            FigureSort::Unit => FigureSort::Order,
        };
        self.rebuild(tree);
    }

    /// Next unit filter: all, money, counts, percentages.
    pub fn cycle_filter(&mut self, tree: &LetterTree) {
        self.filter = match self.filter {
            None => Some(UnitKind::Money),
            Some(UnitKind::Money) => Some(UnitKind::Count),
            Some(UnitKind::Count) => Some(UnitKind::Percent),
            Some(UnitKind::Percent) => None,
        };
        self.selected = 0;
        self.rebuild(tree);
    }

    /// The selected figure, if any.
    #[must_use]
    pub fn current(&self) -> Option<(NodeId, usize)> {
        self.rows.get(self.selected).copied()
    }
}
