roadmap {
  name  = "Test"
  start = "2027-01"
}

vendor "acme" {
  category = "crm"
}

vendor "hr_tool" {
  category = "hr"
}

evaluation "nothing" {
  criteria = { features = 1 }
}

evaluation "ranges" {
  category      = "crm"
  candidates    = [vendor.acme, vendor.hr_tool]
  criteria      = { features = -1, cost = 0.5 }
  minimum_score = 7
  years         = 0
}

evaluation "empty" {
  category = "erp"
  criteria = {}
}

evaluation "scales" {
  category   = "crm"
  criteria   = { features = 1, cost = 1 }
  cost_scale = { best = 400000, worst = 50000 }
}

evaluation "scale_keys" {
  category   = "crm"
  criteria   = { features = 1, cost = 1 }
  cost_scale = { bset = 1, worst = -5 }
}

evaluation "scale_half" {
  category   = "crm"
  criteria   = { features = 1, cost = 1 }
  cost_scale = { best = 1 }
}
