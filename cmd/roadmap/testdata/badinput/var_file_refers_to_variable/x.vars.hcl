capex = var.other
