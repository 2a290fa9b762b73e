//! Loading arbitrary bytes never panics; an error never comes with a dataset.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(errors) = migov::Dataset::from_json_slice(data) {
        assert!(errors.errors().next().is_some());
        // Messages stay bounded, whatever the input.
        for p in errors.problems() {
            assert!(p.to_string().len() < 4096);
        }
    }
});
