#[cfg(target_arch = "wasm32")]
fn main() {
    runway::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Runway is a web app: build it with `scripts/serve` and open it in a browser.");
}
