// Validation library.
