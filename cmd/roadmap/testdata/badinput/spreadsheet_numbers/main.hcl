roadmap {
  name  = "Spreadsheet habits"
  start = "2027-Q1"
}

team "t" {
  capacity     = 4
  cost_per_fte = 1.2M
}

budget "b" {
  amount = 1,400,000
}

project "p" {
  title    = "P"
  duration = 2
  effort   = { t = 1,5 }
  goals    = {}
  cost {
    one_time = "120k"
    per_year = €1,200
  }
  risk {
    failure = 15%
  }
}
