capex = = 1
