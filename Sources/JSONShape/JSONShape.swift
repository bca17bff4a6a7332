// JSONShape: placeholder until the module lands.
