import GraphMock

/// What `selftest --explore` demands of explore for each built-in defect: found within a stated
/// budget (steps), or out of reach with the reason. One exhaustive switch, so a new defect cannot
/// be added without deciding.
enum ExploreReach {
    case finds(budget: Int)
    /// Found, but its written case cannot show it again on a serial replay (the reason says why);
    /// the case must still pass on the clean mock.
    case findsWithoutReplay(budget: Int, String)
    case outOfReach(String)

    static func of(_ defect: MockDefect) -> ExploreReach {
        switch defect {
        // Explore sends only well-formed bearer tokens of the target's principals.
        case .authNotChecked, .expiredTokenAccepted, .notYetValidAccepted, .wrongAudienceAccepted, .lowercaseBearerRejected,
            .noWWWAuthenticate:
            return .outOfReach("authentication: explore sends only valid tokens (the auth cases cover them)")
        case .readScopeCanWrite, .appOnlyAllowed, .crossUserWriteAllowed, .deniedRequestApplied:
            return .finds(budget: 2000)
        case .badDateAccepted:
            return .finds(budget: 6000)  // invalid dates are one invalid-value class of many, nested two levels down
        case .invalidEnumAccepted, .enumCaseInsensitive, .validEnumRejected, .unknownPropertyAccepted,
            .wrongTypeAccepted, .malformedJSONAccepted, .contentTypeNotChecked:
            return .finds(budget: 2000)
        case .patchReplacesEntity, .patchReturns204, .patchServerError, .staleResponseBody, .readOnlyWritable, .lastModifiedFrozen,
            .nullIgnored, .collectionAppended, .nestedMergeReplaces, .patchUnknownCreates:
            return .finds(budget: 2000)
        case .createReturns200, .deleteNotApplied, .wrongJSONType, .missingID, .dateRenderedAsDateTime, .errorBodyNotJSON,
            .contentTypeNotJSON:
            return .finds(budget: 2000)
        case .selectIgnored: return .outOfReach("query options: explore sends no $select")
        case .upnCaseSensitive: return .outOfReach("explore addresses users by their UPN as the target file spells it")
        case .clientRequestIDNotEchoed, .requestIDMissing:
            return .outOfReach("diagnostic headers: explore compares bodies and statuses, the response cases check headers")
        case .retryAfterMissing:
            return .findsWithoutReplay(budget: 2000, "the 429 follows the mock's request count, not the sequence")
        case .astralStringsTruncated, .doublesAsFloat, .preEpochDatesShifted: return .finds(budget: 2000)
        case .concurrentPatchLostUpdate: return .findsWithoutReplay(budget: 2000, "a race: the case language runs steps one at a time")
        // Isolation between users, list consistency and lifecycle (reference §9.1, §9.3): the model
        // knows whose collection each position is in and that a deleted one is gone.
        case .crossUserByID, .listShowsOtherUsers, .listStaleAfterPatch, .listKeepsNulled, .listShowsDeleted, .deletedStillReadable,
            .patchResurrectsDeleted:
            return .finds(budget: 2000)
        case .crossTenantVisible:
            return .outOfReach("tenants: explore's model has one tenant (cases/isolation/between-tenants.yaml covers §9.2)")
        case .pathDecodedBeforeSplit:
            return .outOfReach("shows only with ids that need percent-encoding (the opaque-ids variant); explore runs each defect on the default mock")
        case .rejectsCharsetContentType, .rejectsAcceptWildcard, .rejectsUnknownHeaders, .rejectsEscapedUnicode, .rejectsODataTypeAnnotation:
            return .outOfReach("real clients' request variants: explore sends one header set and compact JSON (cases/clients covers them)")
        case .skipsSignatureCheck:
            return .outOfReach("signatures: explore sends only valid tokens of the target's principals")
        }
    }
}
