# Choice reasons (review qa15d D6): the option rank order takes names
# only the options that rank above it and did not run.
roadmap {
  start         = "2027-Q1"
  horizon       = 4
  risk_appetite = 0.5
}

goal "g" {
  weight = 1
}

team "t" {
  capacity = 2
}

# k: "b" is listed first but contributes nothing (dropped at alignment,
# below "a" anyway) and "c" ranks below "a": neither is named.
project "a" {
  goals    = { g = 0.9 }
  duration = 1
  effort   = { t = 1 }
}

project "b" {
  goals    = { g = 0 }
  duration = 1
  effort   = { t = 1 }
}

project "c" {
  goals    = { g = 0.5 }
  duration = 1
  effort   = { t = 1 }
}

choice "k" {
  options = [project.b, project.a, project.c]
}

# j: "risky" would rank first but fails the risk gate; "wide" ranks above
# "slim" but finds no room beside the mandatory "m"; both are named.
project "risky" {
  goals    = { g = 0.95 }
  duration = 1
  effort   = { t = 1 }
  risk {
    failure = 0.9
  }
}

project "wide" {
  goals    = { g = 0.8 }
  duration = 1
  effort   = { t = 2 }
}

project "slim" {
  goals    = { g = 0.4 }
  duration = 1
  effort   = { t = 1 }
}

choice "j" {
  options = [project.slim, project.wide, project.risky]
}

project "m" {
  mandatory = true
  goals     = { g = 0.1 }
  duration  = 4
  effort    = { t = 1 }
}
