// Simulator library.
