//! Open code lists: values that sources spell in words, with room for values
//! this version does not know yet.
