capex = 
