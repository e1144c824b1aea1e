# Mandatory projects come first, but a mandatory project the plan cannot
# take fails it: "audit" needs more than the horizon holds (deferred),
# "retention" needs a capability nobody provides (dropped at the
# viability gate). policy.mandatory fails, an error: `roadmap plan` exits
# with status 1.
roadmap {
  name     = "Mandatory"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 4
}

team "ops" {
  capacity = 2
}

project "patching" {
  duration  = 2
  effort    = { ops = 1 }
  mandatory = true
}

project "audit" {
  duration  = 6
  effort    = { ops = 1 }
  mandatory = true
}

project "retention" {
  duration  = 1
  requires  = ["archive_store"]
  mandatory = true
}
