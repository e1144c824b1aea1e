capex = 900000
