import Testing

@Test func placeholderJSONShape() {}
