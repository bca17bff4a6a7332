// CaseModel: placeholder until the module lands.
