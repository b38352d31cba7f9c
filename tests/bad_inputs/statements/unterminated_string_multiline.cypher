MATCH (n)
RETURN 'abc
  + 1