// TestSupport: placeholder until the module lands.
