#[test]
fn scratch() {
    let dir = std::env::var("SCRATCH").unwrap();
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        let src = kaohe::source::SourceFile::new(name.clone(), text);
        let t = std::time::Instant::now();
        let c = kaohe::check::compile(&src);
        println!("##### {name} ({} diags, {:?})", c.diagnostics.len(), t.elapsed());
        for d in &c.diagnostics {
            print!("{}", kaohe::diagnostic::render_human(d, kaohe::diagnostic::HumanStyle::Plain));
            println!("{}", kaohe::diagnostic::render_json(d));
        }
    }
}
