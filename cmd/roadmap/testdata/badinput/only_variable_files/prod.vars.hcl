capex = 1
