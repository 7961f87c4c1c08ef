module github.com/coproduce/coproduce

go 1.26.8
