roadmap {
  name  = "Bad input"
  start = "2027-01"
}

team "payroll" {
  capacity = 1
}

team "pаyroll" {
  capacity = 1
}

team "café" {
  capacity = 1
}
