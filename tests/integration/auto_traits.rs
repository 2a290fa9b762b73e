//! auto_traits
