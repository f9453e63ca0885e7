//! Evidence written for another rubric is said so first and alone: not as one problem
//! among the items this rubric has not and the facts the evidence lacks.

use crate::common;
use crate::run;

use run::{kaohe, stderr};

const COUNTY: &str = "rules/jiangmen-2020/county.rule";
const DEPARTMENT_UNIT: &str = "examples/jiangmen-2020/department/yanjiushi.toml";

#[test]
fn a_department_s_evidence_scored_with_the_county_table_is_one_problem() {
    let o = kaohe(&["eval", COUNTY, DEPARTMENT_UNIT]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.matches("kaohe::evidence::").count(), 1, "{err}");
    assert!(err.contains("kaohe::evidence::unknown"), "{err}");
    assert!(
        err.contains("this evidence looks written for another rubric: 1 of its 20 items are not in `2020年各市(区)政府政务公开工作要点考核表`, and 6 of that rubric's items are not in it"),
        "{err}"
    );
    assert!(err.contains("not an item of this rubric"), "{err}");
    // The items it lacks are named in the help, not each as a problem of its own.
    assert!(
        err.contains("add the items it lacks: `公共事件应急预案`"),
        "{err}"
    );
    assert!(!err.contains("kaohe::evidence::missing"), "{err}");
}

#[test]
fn it_is_said_in_chinese_too() {
    let o = kaohe(&["eval", COUNTY, DEPARTMENT_UNIT, "--lang", "zh"]);
    let err = stderr(&o);
    assert_eq!(err.matches("kaohe::evidence::").count(), 1, "{err}");
    assert!(err.contains("这份证据看来是按另一份评分表填写的"), "{err}");
}

#[test]
fn a_rubric_title_of_another_table_is_the_one_problem_shown() {
    let dir = common::Scratch::new("other-rubric");
    let path = dir.join("unit.toml");
    let text = std::fs::read_to_string(DEPARTMENT_UNIT).unwrap();
    std::fs::write(&path, format!("rubric = \"另一份考核表\"\n{text}")).unwrap();
    let o = kaohe(&["eval", COUNTY, path.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(err.matches("kaohe::evidence::").count(), 1, "{err}");
    assert!(err.contains("this evidence is for another rubric"), "{err}");
}
