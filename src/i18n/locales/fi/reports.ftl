## reports
