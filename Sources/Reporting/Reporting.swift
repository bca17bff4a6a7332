// Reporting: placeholder until the module lands.
