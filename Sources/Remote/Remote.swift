// Remote library.
