roadmap {
  name = "No start"
}

team "platform" {
  cost_per_fte = 100
}

budget "capex" {
  per = "year"
}

project "p" {
  title = "No duration"
}

evaluation "e" {
  category = "crm"
}

check "c" {
  condition = true
}
