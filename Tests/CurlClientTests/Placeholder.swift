import Testing

@Test func placeholderCurlClient() {}
