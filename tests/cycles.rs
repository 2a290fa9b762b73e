//! Cycles in the links between events are warned, once per cycle, naming the
//! events of the cycle in the order of the links.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use migov::codelist::EventRelation;
use migov::{Dataset, Event, EventId, Issue, RelatedEvent, Rule};
use proptest::prelude::*;

/// Events named `E0`, `E1`, ... with the links `(from, to, relation)`.
fn events(n: usize, links: &[(usize, usize, EventRelation)]) -> Vec<Event> {
    (0..n)
        .map(|i| {
            let mut b = Event::builder(
                EventId::new(&format!("E{i}")).unwrap(),
                format!("Event {i}"),
            );
            for (from, to, relation) in links {
                if *from == i {
                    b = b.related_event(RelatedEvent::new(
                        EventId::new(&format!("E{to}")).unwrap(),
                        relation.clone(),
                    ));
                }
            }
            b.build().unwrap()
        })
        .collect()
}

fn dataset(events: Vec<Event>) -> Dataset {
    let mut b = Dataset::builder();
    for e in events {
        b.add_event(e).unwrap();
    }
    b.build().unwrap()
}

fn cycle_warnings(data: &Dataset) -> Vec<&Issue> {
    data.warnings()
        .iter()
        .filter(|i| i.rule() == Rule::EventRelatedCycle)
        .collect()
}

fn follow(from: usize, to: usize) -> (usize, usize, EventRelation) {
    (from, to, EventRelation::FollowUpOf)
}

#[test]
fn an_event_related_to_itself_is_refused_before_any_cycle() {
    let id = EventId::new("E0").unwrap();
    let err = Event::builder(id.clone(), "Event 0")
        .related_event(RelatedEvent::new(id, EventRelation::FollowUpOf))
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("related to itself"), "{err}");
}

#[test]
fn a_two_cycle_is_one_warning_naming_both_events_in_order() {
    let data = dataset(events(
        3,
        &[follow(1, 2), (2, 1, EventRelation::PartOf), follow(0, 1)],
    ));
    let found = cycle_warnings(&data);
    assert_eq!(found.len(), 1, "{found:?}");
    let w = found[0];
    assert!(!w.is_error());
    assert!(w.message().contains("E1 → E2 → E1"), "{}", w.message());
    // Each link is named with its relation.
    assert!(
        w.message().contains("E1 is follow_up_of E2"),
        "{}",
        w.message()
    );
    assert!(w.message().contains("E2 is part_of E1"), "{}", w.message());
    // E0 leads into the cycle but is not on it.
    assert!(!w.message().contains("E0"), "{}", w.message());
    // The place is the link that leaves the cycle's first event.
    assert_eq!(w.path().to_string(), "events[1].related_events[0]");
    // A dataset file with the cycle loads with the same warning.
    let again = Dataset::from_json_str(&data.to_json_string()).unwrap();
    let loaded = cycle_warnings(&again);
    assert_eq!(loaded.len(), 1);
    assert_eq!(loaded[0].message(), w.message());
}

#[test]
fn a_long_cycle_is_named_in_the_order_of_its_links() {
    // E0 → E3 → E1 → E4 → E2 → E0: the order of the links, not of the names.
    let order = [0, 3, 1, 4, 2];
    let links: Vec<_> = order
        .iter()
        .zip(order.iter().cycle().skip(1))
        .map(|(&a, &b)| follow(a, b))
        .collect();
    let data = dataset(events(5, &links));
    let found = cycle_warnings(&data);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].message().contains("E0 → E3 → E1 → E4 → E2 → E0"),
        "{}",
        found[0].message()
    );
}

#[test]
fn a_dag_with_diamonds_gets_no_warning() {
    // E0 follows E1 and E2, which both follow E3; E0 also follows E3.
    let data = dataset(events(
        5,
        &[
            follow(0, 1),
            follow(0, 2),
            follow(1, 3),
            (2, 3, EventRelation::PreparatoryTo),
            follow(0, 3),
            follow(3, 4),
        ],
    ));
    assert!(cycle_warnings(&data).is_empty(), "{:?}", data.warnings());
}

#[test]
fn each_cycle_is_warned_once() {
    // Two separate cycles, and a knot: E4 ⇄ E5 and E5 ⇄ E6 share E5.
    let data = dataset(events(
        8,
        &[
            follow(0, 1),
            follow(1, 0),
            follow(2, 3),
            follow(3, 2),
            follow(4, 5),
            follow(5, 4),
            follow(5, 6),
            follow(6, 5),
            follow(7, 0),
        ],
    ));
    let found = cycle_warnings(&data);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].message().contains("E0 → E1 → E0"));
    assert!(found[1].message().contains("E2 → E3 → E2"));
    // The knot is one warning, naming a cycle and the event caught with it.
    assert!(found[2].message().contains("E4 → E5 → E4"));
    assert!(found[2].message().contains("E6"), "{}", found[2].message());
}

#[test]
fn a_chain_of_100_000_events_is_no_cycle_and_closing_it_is_one() {
    let n = 100_000;
    let mut links: Vec<_> = (0..n - 1).map(|i| follow(i, i + 1)).collect();
    // Built directly: `events` scans the links once per event.
    let build = |links: &[(usize, usize, EventRelation)]| {
        let mut by_event: Vec<Vec<RelatedEvent>> = vec![Vec::new(); n];
        for (from, to, relation) in links {
            by_event[*from].push(RelatedEvent::new(
                EventId::new(&format!("E{to}")).unwrap(),
                relation.clone(),
            ));
        }
        let list: Vec<Event> = by_event
            .into_iter()
            .enumerate()
            .map(|(i, related)| {
                related
                    .into_iter()
                    .fold(
                        Event::builder(EventId::new(&format!("E{i}")).unwrap(), "Event"),
                        |b, r| b.related_event(r),
                    )
                    .build()
                    .unwrap()
            })
            .collect();
        dataset(list)
    };
    let data = build(&links);
    assert!(cycle_warnings(&data).is_empty());
    links.push(follow(n - 1, 0));
    let data = build(&links);
    let found = cycle_warnings(&data);
    assert_eq!(found.len(), 1);
    assert!(
        found[0]
            .message()
            .contains(&format!("a cycle of {n} event(s)"))
    );
    assert!(found[0].message().contains("E0 → E1 → E2 → "));
    assert!(found[0].message().contains(&format!("E{} → E0 (", n - 1)));
}

proptest! {
    /// A warning names a cycle whose every step is a link of the dataset,
    /// and a dataset whose links all go from a higher number to a lower one
    /// (a DAG) gets none.
    #[test]
    fn warnings_name_real_cycles(links in proptest::collection::vec((0usize..8, 0usize..8), 0..20)) {
        let mut links: Vec<_> = links.into_iter().filter(|(a, b)| a != b).collect();
        links.sort_unstable();
        links.dedup();
        let with: Vec<_> = links.iter().map(|&(a, b)| follow(a, b)).collect();
        let data = dataset(events(8, &with));
        for w in cycle_warnings(&data) {
            let text = w.message();
            let start = text.find(", ").unwrap() + 2;
            let end = text[start..].find(" (").unwrap() + start;
            let names: Vec<usize> = text[start..end].split(" → ").map(|s| s[1..].parse().unwrap()).collect();
            prop_assert_eq!(names.first(), names.last());
            for pair in names.windows(2) {
                prop_assert!(links.contains(&(pair[0], pair[1])), "{} has no link {:?}", text, pair);
            }
        }
        let downward: Vec<_> = with.into_iter().filter(|(a, b, _)| a > b).collect();
        let data = dataset(events(8, &downward));
        prop_assert!(cycle_warnings(&data).is_empty());
    }
}
