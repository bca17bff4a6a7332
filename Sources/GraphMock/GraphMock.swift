// GraphMock: placeholder until the module lands.
