import Testing

@Test func placeholderGraphMock() {}
