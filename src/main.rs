fn main() -> std::process::ExitCode {
    verkosto::cli::run()
}
