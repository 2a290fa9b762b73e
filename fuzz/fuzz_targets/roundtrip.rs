//! Whatever loads saves to canonical text that loads to an equal dataset and saves identically.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(dataset) = migov::Dataset::from_json_slice(data) {
        let saved = dataset.to_json_string();
        let again = migov::Dataset::from_json_str(&saved).expect("saved text loads");
        assert!(again == dataset);
        assert_eq!(again.to_json_string(), saved);
    }
});
