// ConfigModel library.
