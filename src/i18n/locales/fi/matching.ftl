## matching: the reasons beside a match score
