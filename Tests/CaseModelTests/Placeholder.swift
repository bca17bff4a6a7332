import Testing

@Test func placeholderCaseModel() {}
