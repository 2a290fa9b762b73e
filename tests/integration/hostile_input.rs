//! hostile_input
