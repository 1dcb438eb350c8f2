//! Search over the letter's texts: folding, pinyin, matching.
