roadmap {
  name    = "Miss"
  start   = "2027-Q1"
  period  = "quarter"
  horizon = 8
  policy {
    replace_before_end_of_support = true
  }
}

goal "g" {
  weight = 1
}

team "apps" {
  capacity     = 1
  cost_per_fte = 10000
}

system "crm_old" {
  end_of_support = "2027-Q2"
}

system "hr_old" {
  end_of_support = "2027-Q2"
}

project "build_crm" {
  duration = 4
  goals    = { g = 0.9 }
  replaces = [system.crm_old]
}

project "buy_crm" {
  duration = 2
  effort   = { apps = 1 }
  goals    = { g = 0.8 }
  replaces = [system.crm_old]
}

project "hr" {
  duration = 2
  effort   = { apps = 1 }
  goals    = { g = 0.7 }
  replaces = [system.hr_old]
}

choice "crm" {
  options = [project.build_crm, project.buy_crm]
}
