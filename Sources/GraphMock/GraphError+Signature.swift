/// The 401s of the verifying mode (reference §4.3 "Wrong audience / bad signature").
extension GraphError {
    static let tokenSignatureInvalid = unauthenticated("Access token validation failure. Invalid signature.")
    static let tokenWrongIssuer = unauthenticated("Access token validation failure. Invalid issuer.")
}
