//! Small statistics the reports share: medians, shares, rolling averages, rounding.

/// Rounded to one decimal, as every report shows averages and percentages.
pub fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The median; the mean of the two middle values for an even count; `None` when empty.
pub fn median(values: &[i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) as f64 / 2.0
    } else {
        sorted[mid] as f64
    })
}

/// `part` of `whole` in percent with one decimal; `None` when `whole` is zero.
pub fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| round1(part as f64 * 100.0 / whole as f64))
}

/// The mean with one decimal; `None` when empty.
pub fn mean(values: &[i64]) -> Option<f64> {
    (!values.is_empty()).then(|| round1(values.iter().sum::<i64>() as f64 / values.len() as f64))
}

/// The average of each value and the `window - 1` values before it, with one decimal; `None`
/// while fewer than `window` values are known.
pub fn rolling_average(values: &[i64], window: usize) -> Vec<Option<f64>> {
    (0..values.len())
        .map(|i| {
            (window > 0 && i + 1 >= window).then(|| {
                let slice = &values[i + 1 - window..=i];
                round1(slice.iter().sum::<i64>() as f64 / window as f64)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_even_and_empty() {
        assert_eq!(median(&[5, 1, 3]), Some(3.0));
        assert_eq!(median(&[4, 1, 3, 10]), Some(3.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn percentages_round_to_one_decimal() {
        assert_eq!(percent(1, 3), Some(33.3));
        assert_eq!(percent(2, 3), Some(66.7));
        assert_eq!(percent(0, 0), None);
        assert_eq!(percent(17, 20), Some(85.0));
    }

    #[test]
    fn rolling_average_needs_a_full_window() {
        assert_eq!(
            rolling_average(&[4, 8, 6, 6, 10], 4),
            vec![None, None, None, Some(6.0), Some(7.5)]
        );
        assert_eq!(mean(&[1, 2]), Some(1.5));
        assert_eq!(mean(&[]), None);
    }
}
