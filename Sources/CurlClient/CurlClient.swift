// CurlClient: placeholder until the module lands.
