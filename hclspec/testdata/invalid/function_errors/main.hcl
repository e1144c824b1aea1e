roadmap {
  name  = "Test"
  start = "2027-01"
}

budget "npv_rate" {
  amount = npv(-2, [1, 2])
}

budget "irr_type" {
  amount = irr("flows")
}

budget "unknown_function" {
  amount = file("secret.txt")
}

budget "no_sign_change" {
  amount = irr([1, 2, 3])
}

budget "env" {
  amount = env("HOME")
}

budget "null_required" {
  amount = null
}
