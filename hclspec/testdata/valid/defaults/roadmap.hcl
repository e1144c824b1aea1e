# Only what is required: everything else takes its default.
roadmap {
  start = "2027-Q1"
}

budget "capex" {
  amount = 100
}

budget "opex" {
  amount = 50
  per    = "period"
}

team "ops" {
  capacity = 2
}

vendor "tool" {}

evaluation "tools" {
  candidates = [vendor.tool]
  criteria   = { cost = 1 }
}

project "minimal" {
  duration = 1
}

check "always" {
  condition     = true
  error_message = "never shown"
}
