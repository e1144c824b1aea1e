# What-ifs the steering committee asked to see next to the plan. Each sets
# some of the variables of variables.hcl; everything else stays as it is.
# Put them side by side with the plan:
#
#   roadmap compare .
#
# or plan one of them: roadmap plan --scenario budget_cut .

scenario "budget_cut" {
  description = "Finance cuts capex by 30%"
  variables = {
    capex = var.capex * 0.7
  }
}

scenario "two_hires" {
  description = "Two engineers hired into apps from 2027-Q1"
  variables = {
    apps_hires = 2
  }
}

scenario "vendor_price_rise" {
  description = "Every vendor raises its prices by 15%"
  variables = {
    vendor_price_rise = 0.15
  }
}
