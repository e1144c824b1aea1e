# end_of_support is the last supported period: quarter_before is out of
# support from the roadmap's first quarter, first_quarter from its second.
roadmap {
  name    = "End of support boundary"
  start   = "2027-Q1"
  horizon = 8
}

system "quarter_before" {
  end_of_support = "2026-Q4"
}

system "first_quarter" {
  end_of_support = "2027-Q1"
}
