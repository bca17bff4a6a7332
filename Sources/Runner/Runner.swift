// Runner: placeholder until the module lands.
